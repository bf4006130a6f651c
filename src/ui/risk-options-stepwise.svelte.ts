/** Options added to a list a step at a time, this many a task. */
const STEP = 250;

/**
 * A long list of options (the AI systems a risk list filters by: 2,000 at the bench's 50,000 risks)
 * drawn a step at a time the first time, so its first draw is not one long task with the page's
 * (drawing 2,000 `<option>`s at once was about half of a 60–125 ms task as the list arrived). Once
 * all are drawn, a new list (a system renamed, added or deleted) is drawn at once: the keyed list
 * then only changes what changed. Must be created during component initialisation.
 */
export function optionsStepwise<T>(items: () => readonly T[]): { readonly shown: readonly T[] } {
  let shown = $state.raw<readonly T[]>([]);
  let complete = false;
  $effect(() => {
    const all = items();
    if (complete || all.length <= STEP) {
      shown = all;
      complete = all.length > 0;
      return;
    }
    let n = STEP;
    shown = all.slice(0, n);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const more = () => {
      n += STEP;
      shown = n >= all.length ? all : all.slice(0, n);
      if (n >= all.length) complete = true;
      else timer = setTimeout(more, 0);
    };
    timer = setTimeout(more, 0);
    return () => clearTimeout(timer);
  });
  return {
    get shown() {
      return shown;
    },
  };
}
