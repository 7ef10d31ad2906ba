import type { Locale } from "~/i18n/config";
import enCommon from "~/i18n/messages/en/common.json";
import enErrors from "~/i18n/messages/en/errors.json";
import enAccounts from "~/i18n/messages/en/accounts.json";
import enAdmin from "~/i18n/messages/en/admin.json";
import enTaxonomy from "~/i18n/messages/en/taxonomy.json";
import enReports from "~/i18n/messages/en/reports.json";
import enStats from "~/i18n/messages/en/stats.json";
import enRights from "~/i18n/messages/en/rights.json";
import enPetitions from "~/i18n/messages/en/petitions.json";
import enCampaigns from "~/i18n/messages/en/campaigns.json";
import enAnswers from "~/i18n/messages/en/answers.json";
import enVerdicts from "~/i18n/messages/en/verdicts.json";
import enRecords from "~/i18n/messages/en/records.json";
import enSubmissions from "~/i18n/messages/en/submissions.json";
import enScorecard from "~/i18n/messages/en/scorecard.json";
import enScoreMethod from "~/i18n/messages/en/scoreMethod.json";
import enWages from "~/i18n/messages/en/wages.json";
import enStatements from "~/i18n/messages/en/statements.json";
import zhCommon from "~/i18n/messages/zh-CN/common.json";
import zhErrors from "~/i18n/messages/zh-CN/errors.json";
import zhAccounts from "~/i18n/messages/zh-CN/accounts.json";
import zhAdmin from "~/i18n/messages/zh-CN/admin.json";
import zhTaxonomy from "~/i18n/messages/zh-CN/taxonomy.json";
import zhReports from "~/i18n/messages/zh-CN/reports.json";
import zhStats from "~/i18n/messages/zh-CN/stats.json";
import zhRights from "~/i18n/messages/zh-CN/rights.json";
import zhPetitions from "~/i18n/messages/zh-CN/petitions.json";
import zhCampaigns from "~/i18n/messages/zh-CN/campaigns.json";
import zhAnswers from "~/i18n/messages/zh-CN/answers.json";
import zhVerdicts from "~/i18n/messages/zh-CN/verdicts.json";
import zhRecords from "~/i18n/messages/zh-CN/records.json";
import zhSubmissions from "~/i18n/messages/zh-CN/submissions.json";
import zhScorecard from "~/i18n/messages/zh-CN/scorecard.json";
import zhScoreMethod from "~/i18n/messages/zh-CN/scoreMethod.json";
import zhWages from "~/i18n/messages/zh-CN/wages.json";
import zhStatements from "~/i18n/messages/zh-CN/statements.json";

// One file per namespace and locale; a feature adds its pair here. A unit test checks that both
// locales have exactly the same keys.
const MESSAGES = {
  en: { common: enCommon, errors: enErrors, accounts: enAccounts, admin: enAdmin, taxonomy: enTaxonomy, reports: enReports, stats: enStats, rights: enRights, petitions: enPetitions, campaigns: enCampaigns, answers: enAnswers, verdicts: enVerdicts, records: enRecords, submissions: enSubmissions, scorecard: enScorecard, scoreMethod: enScoreMethod, wages: enWages, statements: enStatements },
  "zh-CN": { common: zhCommon, errors: zhErrors, accounts: zhAccounts, admin: zhAdmin, taxonomy: zhTaxonomy, reports: zhReports, stats: zhStats, rights: zhRights, petitions: zhPetitions, campaigns: zhCampaigns, answers: zhAnswers, verdicts: zhVerdicts, records: zhRecords, submissions: zhSubmissions, scorecard: zhScorecard, scoreMethod: zhScoreMethod, wages: zhWages, statements: zhStatements },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["en"];
export type Namespace = keyof Messages;

export function loadMessages(locale: Locale) {
  return MESSAGES[locale];
}

/** The subset of namespaces a client island needs, so pages ship only the strings they use. */
export function pickMessages(locale: Locale, namespaces: readonly Namespace[]) {
  const all = MESSAGES[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]]));
}
