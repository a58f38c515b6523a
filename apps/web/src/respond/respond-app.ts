/**
 * The respondent page: loads the survey a link or invitation names, shows it page by page, keeps the progress on
 * the device and on the server, and sends the answer once. The path through the survey (survey-flow.ts), saving
 * (saved-progress.ts, draft-saver.ts) and sending (submission.ts) are DOM-free modules; this file wires them to
 * the screen.
 */
import type { Locale, PublicSurvey } from "@kexin/contracts";
import type { Answers, AnswerValue } from "@kexin/contracts/survey-answers";
import { replaceChildren } from "./dom.ts";
import { createDraftSaver, type DraftSaver } from "./draft-saver.ts";
import { chooseLanguage, localize } from "./language.ts";
import { createKioskClock, type KioskClock } from "./kiosk-clock.ts";
import { fetchDraft, fetchSurvey, postResponse, putDraft } from "./public-api.ts";
import { classifySurveyReply } from "./public-survey.ts";
import { type RespondRoute, routeId, routeReference } from "./route.ts";
import {
  findResumption,
  forgetSurvey,
  type KeyValueStore,
  progressStorageKey,
  saveDraftKey,
  saveProgress,
  type ServerDraft,
} from "./saved-progress.ts";
import {
  loadingScreen,
  type MessageKind,
  messageScreen,
  type PageScreen,
  pageScreen,
  showProgress,
  surveyHeader,
  thanksScreen,
} from "./screens.ts";
import { fill, STRINGS, type RespondStrings } from "./strings.ts";
import { submitWithRetry } from "./submission.ts";
import {
  allErrors,
  describeAnswerError,
  keptAnswers,
  nextPageIndex,
  pageErrors,
  pageOfQuestion,
  pageProgress,
  previousPageIndex,
  settlePageIndex,
  visibleQuestions,
  withAnswer,
} from "./survey-flow.ts";
import { newUuid } from "./uuid.ts"

const DRAFT_SAVE_DELAY_MS = 2000;

export interface RespondEnvironment {
  /** localStorage, or null where storage is blocked. */
  store: KeyValueStore | null;
  browserLanguages: readonly string[];
}

interface Session {
  draftKey: string;
  submissionKey: string | null;
  startedAt: string | null;
}

const freshSession = (): Session => ({ draftKey: newUuid(), submissionKey: null, startedAt: null });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RespondApp {
  private survey: PublicSurvey | null = null;
  private language: Locale;
  /** The language the page opened in, which a kiosk returns to for each new customer. */
  private openingLanguage: Locale;
  private answers: Answers = {};
  private pageIndex = 0;
  private session: Session = freshSession();
  private isSending = false;
  private hasResumed = false;
  private rerender: () => void = () => undefined;
  private readonly draftSaver: DraftSaver;
  private readonly kioskClock: KioskClock;
  /** The page on screen; its parts are updated in place while answering (rebuilding them would lose focus). */
  private screen: PageScreen | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly route: RespondRoute,
    private readonly environment: RespondEnvironment,
  ) {
    this.language = chooseLanguage(["zh-CN", "en", "zh-TW"], route.requestedLanguage, environment.browserLanguages);
    this.openingLanguage = this.language;
    this.draftSaver = createDraftSaver({ delayMs: DRAFT_SAVE_DELAY_MS, save: ({ keepalive }) => this.saveServerDraft(keepalive) });
    this.kioskClock = createKioskClock({
      reset: () => this.resetKiosk(),
      isWorthClearing: () => this.screen !== null && !this.isSending && Object.keys(this.answers).length > 0,
      showSecondsLeft: (seconds) => {
        const countdown = this.root.querySelector(".kiosk-countdown");
        if (countdown) countdown.textContent = fill(this.strings.kioskReset, { seconds });
      },
    });
    const flushOnLeave = () => void this.draftSaver.flush({ keepalive: true });
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushOnLeave());
    window.addEventListener("pagehide", flushOnLeave);
  }

  private get strings(): RespondStrings {
    return STRINGS[this.language];
  }

  private get isKiosk(): boolean {
    return this.survey?.isKiosk === true;
  }

  private get storageKey(): string {
    return progressStorageKey(this.survey?.surveyId ?? "", routeId(this.route));
  }

  async start(): Promise<void> {
    this.applyLanguage();
    this.show(() => this.renderLoading());
    let reply;
    try {
      reply = await fetchSurvey(this.route);
    } catch {
      this.show(() => this.renderMessage("loadFailed", true));
      return;
    }
    const load = classifySurveyReply(reply.status, reply.body);
    if (load.kind !== "survey") {
      this.show(() => this.renderMessage(load.kind, load.canRetry));
      return;
    }
    const { survey } = load;
    this.survey = survey;
    this.language = chooseLanguage(survey.definition.languages, this.route.requestedLanguage, this.environment.browserLanguages);
    this.openingLanguage = this.language;
    this.applyLanguage();
    if (survey.invitation?.isAnswered) {
      this.forget();
      this.show(() => this.renderMessage("alreadyAnswered", false));
      return;
    }
    if (!survey.isKiosk) await this.resume();
    this.pageIndex = settlePageIndex(survey.definition, this.pageIndex, this.answers);
    this.show(() => this.renderForm());
  }

  /** Picks up a half-finished answer: the device's copy, else the server's under the kept draft key. */
  private async resume(): Promise<void> {
    const survey = this.survey!;
    if (!this.environment.store) return;
    const found = await findResumption(
      this.environment.store,
      { surveyId: survey.surveyId, version: survey.version, routeId: routeId(this.route) },
      async (draftKey) => {
        const reply = await fetchDraft(draftKey);
        return reply.status === 200 ? (reply.body as ServerDraft) : null;
      },
    );
    this.session = {
      draftKey: found.draftKey ?? newUuid(),
      submissionKey: found.submissionKey,
      startedAt: found.startedAt,
    };
    if (found.point) {
      this.answers = found.point.answers;
      this.pageIndex = found.point.pageIndex;
      this.hasResumed = true;
    }
  }

  /** Renders a screen and remembers how, so a language switch can render it again. */
  private show(render: () => void): void {
    this.rerender = render;
    render();
  }

  private applyLanguage(): void {
    document.documentElement.lang = this.language;
    const title = this.survey ? localize(this.survey.definition.title, this.language, this.survey.definition.languages) : "";
    document.title = title || "Kexin";
  }

  /** Sets the language; `?lang=` follows so a reload keeps it (`requested` null: as the page was opened). */
  private setLanguage(language: Locale, requested: string | null = language): void {
    this.language = language;
    const url = new URL(window.location.href);
    if (requested) url.searchParams.set("lang", requested);
    else url.searchParams.delete("lang");
    window.history.replaceState(null, "", url);
    this.applyLanguage();
  }

  private switchLanguage(language: Locale): void {
    this.setLanguage(language);
    this.rerender();
  }

  /** Puts a screen under the survey's header. */
  private mount(content: HTMLElement): void {
    const header = surveyHeader(this.survey, this.language, this.strings, (language) => this.switchLanguage(language));
    replaceChildren(this.root, header, content);
  }

  private renderLoading(): void {
    this.screen = null;
    replaceChildren(this.root, loadingScreen(this.strings));
  }

  private renderMessage(kind: MessageKind, canRetry: boolean): void {
    this.screen = null;
    this.mount(messageScreen(kind, this.strings, canRetry ? () => void this.start() : null));
  }

  private renderForm(): void {
    this.screen = pageScreen({
      survey: this.survey!,
      pageIndex: this.pageIndex,
      answers: this.answers,
      language: this.language,
      strings: this.strings,
      hasResumed: this.hasResumed && !this.isKiosk,
      onAnswer: (questionKey, value) => this.onAnswer(questionKey, value),
      onBack: () => this.goBack(),
      onNext: () => void this.goNext(),
      onStartOver: () => this.startOver(),
    });
    this.mount(this.screen.form);
    this.refresh();
  }

  /** Brings the parts of the form that depend on the answers up to date: shown questions, progress, Next/Submit. */
  private refresh(): void {
    const screen = this.screen;
    if (!screen) return;
    const { definition } = this.survey!;
    const visible = new Set(visibleQuestions(definition, this.pageIndex, this.answers).map((question) => question.key));
    for (const view of screen.views) {
      view.setVisible(visible.has(view.key));
      if (!visible.has(view.key)) view.setError(null);
    }
    const { current, total } = pageProgress(definition, this.pageIndex, this.answers);
    showProgress(screen.progress, current, total, this.strings);
    const isLast = nextPageIndex(definition, this.pageIndex, this.answers) === null;
    screen.primaryButton.textContent = this.isSending ? this.strings.sending : isLast ? this.strings.submit : this.strings.next;
    screen.primaryButton.disabled = this.isSending;
    screen.primaryButton.setAttribute("aria-busy", String(this.isSending));
    screen.backButton.disabled = this.isSending;
  }

  private onAnswer(questionKey: string, value: AnswerValue | undefined): void {
    const { definition } = this.survey!;
    this.answers = withAnswer(this.answers, questionKey, value);
    this.session.startedAt ??= new Date().toISOString();
    const view = this.screen?.views.find((candidate) => candidate.key === questionKey);
    if (view?.root.classList.contains("has-error")) {
      const problem = pageErrors(definition, this.pageIndex, this.answers).find((error) => error.question === questionKey);
      view.setError(problem ? this.describe(questionKey) : null);
    }
    this.refresh();
    this.persist();
    if (this.isKiosk) this.kioskClock.touch();
  }

  private describe(questionKey: string): string {
    const question = this.survey!.definition.pages.flatMap((page) => page.questions).find((candidate) => candidate.key === questionKey);
    return question ? describeAnswerError(question, this.answers[questionKey], this.strings) : this.strings.answerInvalid;
  }

  /** Shows the problems on the current page beside their questions and moves focus to the first. */
  private showErrors(questionKeys: string[], overrides: Record<string, string> = {}): void {
    if (!this.screen) return;
    const keys = new Set(questionKeys);
    const views = this.screen.views;
    for (const view of views) view.setError(keys.has(view.key) ? (overrides[view.key] ?? this.describe(view.key)) : null);
    this.screen.banner.textContent = this.strings.pageHasErrors;
    this.screen.banner.hidden = keys.size === 0;
    views.find((view) => keys.has(view.key))?.focus();
  }

  private persist(): void {
    const store = this.environment.store;
    if (this.isKiosk || !store || !this.survey) return;
    saveDraftKey(store, this.survey.surveyId, routeId(this.route), this.session.draftKey);
    saveProgress(store, this.storageKey, {
      version: this.survey.version,
      pageIndex: this.pageIndex,
      answers: this.answers,
      startedAt: this.session.startedAt ?? new Date().toISOString(),
      savedAt: new Date().toISOString(),
      draftKey: this.session.draftKey,
      submissionKey: this.session.submissionKey,
    });
    this.draftSaver.schedule();
  }

  private saveServerDraft(keepalive: boolean): Promise<unknown> {
    const survey = this.survey;
    if (!survey || survey.isKiosk) return Promise.resolve();
    return putDraft(
      this.session.draftKey,
      {
        ...routeReference(this.route),
        version: survey.version,
        pageIndex: this.pageIndex,
        // Only answers the server would accept: a half-rated pair stays on the device until it is complete.
        answers: keptAnswers(survey.definition, this.answers),
      },
      keepalive,
    );
  }

  private goToPage(pageIndex: number): void {
    this.pageIndex = pageIndex;
    this.hasResumed = false; // the notice belongs to the page the respondent came back to
    this.show(() => this.renderForm());
    window.scrollTo(0, 0);
    this.root.querySelector<HTMLElement>(".page-title")?.focus({ preventScroll: true });
    this.persist();
    void this.draftSaver.flush();
    if (this.isKiosk) this.kioskClock.touch();
  }

  private goBack(): void {
    const previous = previousPageIndex(this.survey!.definition, this.pageIndex, this.answers);
    if (previous !== null) this.goToPage(previous);
  }

  private async goNext(): Promise<void> {
    if (this.isSending) return;
    const { definition } = this.survey!;
    const problems = pageErrors(definition, this.pageIndex, this.answers);
    if (problems.length > 0) {
      this.showErrors(problems.map((problem) => problem.question));
      return;
    }
    const next = nextPageIndex(definition, this.pageIndex, this.answers);
    if (next === null) await this.submit();
    else this.goToPage(next);
  }

  private async submit(): Promise<void> {
    const survey = this.survey!;
    const { definition } = survey;
    const problems = allErrors(definition, this.answers);
    if (problems.length > 0) {
      // A problem on an earlier page (an answer changed its logic): go there and point at it.
      const page = pageOfQuestion(definition, problems[0].question) ?? this.pageIndex;
      if (page !== this.pageIndex) this.goToPage(page);
      this.showErrors(problems.map((problem) => problem.question));
      return;
    }
    this.isSending = true;
    this.session.submissionKey ??= newUuid();
    this.persist(); // the key is on the device before the first byte leaves, so a reload retries with it
    if (this.screen) this.screen.banner.hidden = true;
    this.refresh();
    // The submission deletes the server's draft; a draft save landing after it would bring the draft back.
    await this.draftSaver.drain();
    const body = {
      ...routeReference(this.route),
      version: survey.version,
      submissionKey: this.session.submissionKey,
      language: this.language,
      answers: keptAnswers(definition, this.answers),
      startedAt: this.session.startedAt ?? undefined,
      draftKey: survey.isKiosk ? undefined : this.session.draftKey,
    };
    const outcome = await submitWithRetry({
      send: () => postResponse(body),
      sleep,
      onRetry: (attempt) => {
        if (this.screen) this.screen.sendStatus.textContent = fill(this.strings.retrying, { attempt });
      },
    });
    this.isSending = false;
    if (this.screen) this.screen.sendStatus.textContent = "";
    switch (outcome.kind) {
      case "stored":
        this.finish();
        return;
      case "already_answered":
      case "closed":
      case "not_found": {
        this.forget();
        const kind = outcome.kind === "already_answered" ? "alreadyAnswered" : outcome.kind === "closed" ? "closed" : "notFound";
        this.show(() => this.renderMessage(kind, false));
        return;
      }
      case "invalid": {
        const page = outcome.questionKey ? pageOfQuestion(definition, outcome.questionKey) : null;
        if (outcome.questionKey && page !== null) {
          if (page !== this.pageIndex) this.goToPage(page);
          const isKnownLocally = allErrors(definition, this.answers).some((error) => error.question === outcome.questionKey);
          this.showErrors([outcome.questionKey], isKnownLocally ? {} : { [outcome.questionKey]: outcome.message });
        } else {
          this.showBanner(outcome.message);
        }
        break;
      }
      case "rate_limited":
        this.showBanner(this.strings.rateLimited);
        break;
      case "failed":
        this.showBanner(this.strings.submitFailed);
        break;
    }
    this.refresh();
  }

  private showBanner(message: string): void {
    if (!this.screen) return;
    this.screen.banner.textContent = message;
    this.screen.banner.hidden = false;
    this.screen.primaryButton.focus();
  }

  /** The answer is stored: forget it on this device, thank the respondent, and on a kiosk make ready for the next. */
  private finish(): void {
    this.forget();
    this.show(() => this.renderThanks());
    window.scrollTo(0, 0);
    this.root.querySelector<HTMLElement>(".thanks-title")?.focus();
    if (this.isKiosk) this.kioskClock.startCountdown();
  }

  private forget(): void {
    this.draftSaver.cancel();
    const store = this.environment.store;
    if (store && this.survey) forgetSurvey(store, this.survey.surveyId, routeId(this.route));
  }

  private renderThanks(): void {
    this.screen = null;
    const { definition } = this.survey!;
    const thanks = localize(definition.thanks, this.language, definition.languages) || this.strings.thanksDefault;
    this.mount(thanksScreen(thanks, this.strings, this.isKiosk ? () => this.resetKiosk() : null));
  }

  /** A clean start for the next customer: no answers, no keys, first page, no resume notice. */
  private resetKiosk(): void {
    this.kioskClock.stop();
    this.answers = {};
    this.session = freshSession();
    this.isSending = false;
    this.pageIndex = settlePageIndex(this.survey!.definition, 0, this.answers);
    if (this.language !== this.openingLanguage) this.setLanguage(this.openingLanguage, this.route.requestedLanguage);
    this.show(() => this.renderForm());
    window.scrollTo(0, 0);
  }

  private startOver(): void {
    this.forget();
    this.answers = {};
    this.session = freshSession();
    this.hasResumed = false;
    this.goToPage(settlePageIndex(this.survey!.definition, 0, this.answers));
  }
}
