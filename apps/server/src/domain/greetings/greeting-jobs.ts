/** The greetings job: every minute, for each organisation, queue what is due and send it (see run-greetings.ts). */
import type { JobDefinition } from "../../jobs/job-definition.ts";
import { createCampaignMailer } from "../mail/create-mailer.ts";
import { createChannels } from "./channels/create-channels.ts";
import { messageIdDomainOf, runGreetings } from "./run-greetings.ts";

export const greetingJobDefinitions: JobDefinition[] = [
  {
    kind: "greetings.send",
    every: "minute",
    async run(context) {
      const mailer = createCampaignMailer(context.config);
      const { planned, sent } = await runGreetings({
        db: context.db,
        orgId: context.orgId,
        channels: createChannels({ mailer, messageOutboxDir: context.config.messageOutboxDir }),
        now: context.now,
        deadline: context.deadline,
        messageIdDomain: messageIdDomainOf(context.config.mailFrom),
      }).finally(() => mailer.close());
      if (sent.sent + sent.failed + sent.uncertain + sent.recovered.uncertain > 0) {
        context.log.info({ planned, sent }, "greetings sent");
      }
      return { ...planned, ...sent };
    },
  },
];
