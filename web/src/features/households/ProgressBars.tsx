import { useI18n } from '../../i18n/I18n';
import { progressBars, type Counts } from './progress';

/** How far a round (or one unit of a building) is: households accounted for and people tested, as two bars. */
export function ProgressBars({ counts, label }: { counts: Counts; label: string }) {
  const { t } = useI18n();
  const { households, people } = progressBars(counts);
  const householdsText = t('households.householdsBar', { done: households.done, of: households.of });
  const peopleText = t('households.peopleBar', { done: people.done, of: people.of });
  return (
    <div className="progress-bars" data-testid="progress">
      <div className="bar-line">
        <progress max={Math.max(households.of, 1)} value={households.done} aria-label={`${label}: ${householdsText}`} />
        <span>{householdsText}</span>
      </div>
      <div className="bar-line">
        <progress max={Math.max(people.of, 1)} value={people.done} aria-label={`${label}: ${peopleText}`} />
        <span>{peopleText}</span>
      </div>
    </div>
  );
}
