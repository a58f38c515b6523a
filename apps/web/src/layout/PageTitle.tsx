/** A page's heading with its actions on the right. */
import { Typography } from "antd";
import type { ReactNode } from "react";

export function PageTitle({ title, extra, testId }: { title: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <div className="kexin-page-title">
      <Typography.Title level={3} data-testid={testId}>
        {title}
      </Typography.Title>
      {extra}
    </div>
  );
}
