/** Staff accounts (administrators): list, open, change role and stores, disable or enable. */
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { Store, User } from "@kexin/contracts";
import { Alert, App, Button, Popconfirm, Space, Table, Tag, type TableProps } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { listStores, listUsers, updateUser } from "../api/admin-api.ts";
import { useMe } from "../auth/useSession.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { UserFormModal } from "./UserFormModal.tsx";

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [users, setUsers] = useState<User[]>();
  const [stores, setStores] = useState<Store[]>([]);
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<User | "new">();

  const load = useCallback(() => {
    Promise.all([listUsers(), listStores()])
      .then(([userList, storeList]) => {
        setUsers(userList);
        setStores(storeList);
      })
      .catch((caught: unknown) => setError(caught));
  }, []);
  useEffect(load, [load]);

  async function toggle(user: User) {
    try {
      await updateUser(user.id, { isDisabled: !user.isDisabled });
      void message.success(t("common.saved"));
      load();
    } catch (caught) {
      void message.error(errorText(caught));
    }
  }

  const storeName = (id: string) => stores.find((store) => store.id === id)?.name ?? id;
  const columns: TableProps<User>["columns"] = [
    { key: "name", title: t("users.name"), dataIndex: "name" },
    { key: "email", title: t("users.email"), dataIndex: "email" },
    { key: "role", title: t("users.role"), dataIndex: "role", render: (role: User["role"]) => t(`roles.${role}`) },
    {
      key: "stores",
      title: t("users.stores"),
      dataIndex: "storeIds",
      render: (ids: string[], user) =>
        user.role === "admin" || user.role === "manager" ? t("users.allStores") : ids.map((id) => <Tag key={id}>{storeName(id)}</Tag>),
    },
    {
      key: "status",
      title: t("users.status"),
      dataIndex: "isDisabled",
      render: (isDisabled: boolean) => (isDisabled ? <Tag color="default">{t("users.disabled")}</Tag> : <Tag color="green">{t("users.enabled")}</Tag>),
    },
    {
      key: "actions",
      title: t("common.actions"),
      render: (_value, user) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(user)}>
            {t("common.edit")}
          </Button>
          {user.id !== me.id && (
            <Popconfirm title={`${user.isDisabled ? t("users.enable") : t("users.disable")} ${user.name}?`} okText={t("common.confirm")} cancelText={t("common.cancel")} onConfirm={() => toggle(user)}>
              <Button size="small" danger={!user.isDisabled}>
                {user.isDisabled ? t("users.enable") : t("users.disable")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t("users.title")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="user-new">
            {t("users.newUser")}
          </Button>
        }
      />
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<User> rowKey="id" loading={!users && !error} columns={columns} dataSource={users ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      <UserFormModal
        open={editing !== undefined}
        user={editing === "new" ? undefined : editing}
        stores={stores}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          void message.success(editing === "new" ? t("users.createdDone") : t("common.saved"));
          setEditing(undefined);
          load();
        }}
      />
    </>
  );
}
