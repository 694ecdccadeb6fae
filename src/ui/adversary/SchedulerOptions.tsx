import { SCHEDULER_HELP, SCHEDULERS } from '../../scenario/schedulers';

/** The named schedulers as a select's options (the editor's field and the You choose panel). */
export function SchedulerOptions() {
  return (
    <>
      {SCHEDULERS.map((name) => (
        <option key={name} value={name} title={SCHEDULER_HELP[name]}>
          {name} first
        </option>
      ))}
    </>
  );
}
