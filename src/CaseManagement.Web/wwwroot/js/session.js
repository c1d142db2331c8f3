// Input in an open page (typing, clicks, touches) keeps the sign-in alive: the page tells the
// server at most once per interval (SessionLimitWatch), and always about the last input of an
// interval. Only the person's own input counts, never what the server sends to the page, so a page
// left open alone still reaches the idle limit.
window.caseManagementSession = (() => {
  let reporter = null;
  let interval = 60000;
  let lastReport = 0;
  let trailing = null;

  const report = () => {
    trailing = null;
    if (!reporter) {
      return;
    }
    lastReport = Date.now();
    reporter.invokeMethodAsync('ReportActivity').catch(() => {
      // The connection is down (the reconnect dialog says so) or the page is gone.
    });
  };

  const onInput = () => {
    if (!reporter || trailing) {
      return;
    }
    const wait = lastReport + interval - Date.now();
    if (wait <= 0) {
      report();
    } else {
      trailing = setTimeout(report, wait);
    }
  };

  for (const type of ['keydown', 'pointerdown', 'input', 'wheel']) {
    document.addEventListener(type, onInput, { capture: true, passive: true });
  }

  return {
    watch(dotNetReference, intervalMs) {
      reporter = dotNetReference;
      interval = intervalMs;
      lastReport = Date.now();
    },
    stop(dotNetReference) {
      if (reporter === dotNetReference) {
        reporter = null;
      }
    },
  };
})();
