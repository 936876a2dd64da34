/**
 * The first held-out evaluation of the lookup (fixtures/lookup-holdout.yaml): real input collected
 * after the lookup was tuned on fixtures/lookup-eval.yaml, from pages that set never used. The checks
 * and the scoring are those of every held-out set (held-out.ts).
 */
import { describeHeldOut } from './held-out';

describeHeldOut({
  file: 'lookup-holdout.yaml',
  // Set once from the first scoring with the reader tuned on lookup-eval.yaml (46 of 56 = 82.1 %
  // top-1, every row answered, 2026-12-02), rounded down to the percent: 0.82. Lowered to 0.80 the
  // same day when content alone moved two page-word near-ties: adding identitydatavalidationfailed
  // took ho-sa-onprem-policy-reset (3.5 points of ~110), and adding 0x80005000 shifted the word
  // weights so that ho-wiki2253-dn-exists lost by 0.03 points (lookup-eval.README.md, "Label
  // maintenance"). The reader did not change; 45 of 56. Raised when page words split compound
  // words into their parts (2026-12-03): 47 of 56 = 83.9 %.
  floors: { top1: 0.83, answered: 1 },
  mix: { rows: 50, swedish: 10, noCode: 15, eventViewer: 5, runHistory: 3 },
});
