// Warn a signed-in person before an idle session ends, and let them stay signed in
// (WCAG 2.2 success criterion 2.2.1, Timing Adjustable). Without JavaScript the session still
// ends after the idle time, and the accessibility statement says so.
const banner = document.querySelector('[data-module="sf-session-warning"]');

if (banner) {
  const idleSeconds = Number(banner.dataset.idleSeconds);
  const warningSeconds = Number(banner.dataset.warningSeconds);
  const form = banner.querySelector("[data-session-warning-form]");
  const message = banner.querySelector("[data-session-warning-message]");
  const detail = banner.querySelector("[data-session-warning-detail]");
  const originalMessage = message.textContent;
  const originalDetail = detail.textContent;
  let timers = [];

  const schedule = () => {
    timers.forEach(clearTimeout);
    timers = [
      setTimeout(warn, (idleSeconds - warningSeconds) * 1000),
      setTimeout(signedOut, idleSeconds * 1000),
    ];
  };

  const warn = () => {
    message.textContent = originalMessage;
    detail.textContent = originalDetail;
    form.hidden = false;
    banner.hidden = false;
    banner.focus();
  };

  const signedOut = () => {
    message.textContent = "You have been signed out";
    detail.textContent =
      "You were signed out because you had not done anything for a while. Sign in again to carry on.";
    form.hidden = true;
    banner.hidden = false;
    banner.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Stay-Signed-In": "fetch" },
        credentials: "same-origin",
        redirect: "manual",
      });
      if (response.status !== 204) {
        signedOut();
        return;
      }
    } catch {
      form.submit();
      return;
    }
    banner.hidden = true;
    schedule();
    const main = document.getElementById("main-content");
    if (main) {
      main.setAttribute("tabindex", "-1");
      main.focus();
    }
  });

  schedule();
}
