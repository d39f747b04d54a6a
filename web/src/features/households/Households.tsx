import './households.css';
import { RoundList } from './RoundList';
import { RoundSheet } from './RoundSheet';

/** `#/households`: my units' testing rounds; `#/households/<roundId>`: one round, recorded door by door. */
export function Households({ roundId }: { roundId?: string }) {
  return roundId ? <RoundSheet roundId={roundId} /> : <RoundList />;
}
