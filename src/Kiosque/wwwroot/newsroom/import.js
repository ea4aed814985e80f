// The import page's progress bar: asks the server for the job's state every second until it has ended,
// then reloads the page to show the outcome. Without JavaScript the page shows the state at load.
(() => {
  const bar = document.querySelector("progress[data-import-status]");
  if (!bar) return;
  const items = document.querySelector("[data-import-items]");
  const state = document.querySelector("[data-import-state]");
  const poll = async () => {
    try {
      const response = await fetch(bar.dataset.importStatus, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const job = await response.json();
        if (job.total > 0) {
          bar.max = job.total;
          bar.value = job.done;
        }
        if (items) items.textContent = job.items;
        if (state) state.textContent = job.stateName;
        if (job.finished) {
          window.location.reload();
          return;
        }
      }
    } catch {
      // A dropped request: the next one will tell.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
})();
