import type { CampaignFigures } from "~/features/ballots/turnout";
import { ResultsView } from "~/features/ballots/components/results-view";
import { TurnoutView } from "~/features/ballots/components/turnout-view";

type Props = { figures: CampaignFigures; demands: { id: string; number: number; title: string }[]; platformNames: Record<string, string> };

/** What getCampaignFigures released: the stepped turnout during voting, the final tally after. */
export function CampaignFiguresView({ figures, demands, platformNames }: Props) {
  return figures.final ? <ResultsView results={figures.results} demands={demands} platformNames={platformNames} /> : <TurnoutView turnout={figures.turnout} />;
}
