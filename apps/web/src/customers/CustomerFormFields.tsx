/** The customer form's fields, grouped: identity, contact, store, what they like, consent, attributes. */
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, Divider, Form, Input, Row, Select, Space, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/useSession.ts";

const PHONE_PATTERN = /^\+?[0-9 ()-]{5,20}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CHANNELS = ["email", "sms", "wechat", "phone"] as const;
const CHANNEL_LABEL = { email: "customer.channelEmail", sms: "customer.channelSms", wechat: "customer.channelWechat", phone: "customer.channelPhone" } as const;

export function CustomerFormFields() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t("customers.name")} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input data-testid="customer-form-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="code" label={t("customers.code")} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t("customer.kind")}>
            <Select options={[{ value: "person", label: t("customer.kindPerson") }, { value: "company", label: t("customer.kindCompany") }]} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="gender" label={t("customer.gender")}>
            <Select
              options={[
                { value: "female", label: t("customer.genderFemale") },
                { value: "male", label: t("customer.genderMale") },
                { value: "unknown", label: t("customer.genderUnknown") },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="birthday" label={t("customer.birthday")} rules={[{ pattern: DATE_PATTERN, message: t("customer.dateInvalid") }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t("customers.phone")} rules={[{ pattern: PHONE_PATTERN, message: t("customer.phoneInvalid") }]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="email" label={t("customers.email")} rules={[{ type: "email" }, { max: 200 }]}>
            <Input inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="wechat" label={t("customer.wechat")} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="city" label={t("customers.city")} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="company" label={t("customer.company")} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="homeStoreId" label={t("customers.homeStore")}>
            <Select allowClear options={me.stores.map((store) => ({ value: store.id, label: store.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="tags" label={t("customers.tags")}>
        <Select mode="tags" placeholder={t("customer.tagsPlaceholder")} tokenSeparators={[",", "，"]} open={false} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="preferences" label={t("customer.preferences")} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="needs" label={t("customer.needs")} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="personalNote" label={t("customer.personalNote")} extra={t("customer.personalNoteHint")} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Divider titlePlacement="start">{t("customer.consent")}</Divider>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        {CHANNELS.map((channel) => (
          <Form.Item key={channel} name={["consent", channel]} label={t(CHANNEL_LABEL[channel])} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Switch checkedChildren={t("customer.optedIn")} unCheckedChildren={t("customer.optedOut")} />
          </Form.Item>
        ))}
      </Space>
      <Divider titlePlacement="start">{t("customer.attributes")}</Divider>
      <Form.List name="attributes">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: "flex" }}>
                <Form.Item name={[field.name, "key"]} rules={[{ required: true }, { max: 64 }]}>
                  <Input placeholder={t("customer.attributeKey")} />
                </Form.Item>
                <Form.Item name={[field.name, "value"]} rules={[{ max: 500 }]}>
                  <Input placeholder={t("customer.attributeValue")} style={{ width: 320 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ key: "", value: "" })} icon={<PlusOutlined />}>
              {t("customer.addAttribute")}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
