// Starts Blazor with this product's reconnection settings and runs the German reconnect dialog
// (Components/Layout/ReconnectModal.razor). The script tag of blazor.web.js has autostart="false".
//
// An outreach worker's phone may lose the network for minutes: keep trying every few seconds for
// two hours instead of giving up after about six minutes (the framework default). A circuit the
// server has evicted in the meantime is resumed from its persisted state (docs/architecture.md,
// "Connection loss"); only if that fails too does the dialog ask for a reload.
const retryForMilliseconds = 2 * 60 * 60 * 1000;
const retryInterval = (previousAttempts) => (previousAttempts < 5 ? 1000 : 3000);

Blazor.start({
  circuit: {
    reconnectionOptions: {
      maxRetries: Math.ceil(retryForMilliseconds / retryInterval(5)),
      retryIntervalMilliseconds: (previousAttempts, maxRetries) =>
        previousAttempts >= maxRetries ? null : retryInterval(previousAttempts),
    },
  },
});

const dialog = document.getElementById('components-reconnect-modal');

// A connection can die silently: until the client notices (up to half a minute), keystrokes go
// into a dead socket and never reach the server. So the values the person saw when the loss was
// noticed are taken, and handed back once the page is connected again and has settled:
// - same circuit (reconnected): the fields are the same elements; a field the server has changed
//   since (a form reset after a save that did reach it) is left alone, any other is sent again;
// - new circuit (resumed from persisted state): the page was drawn afresh from what the server
//   had; a field showing something else than the person saw gets what they saw, unless its form
//   is no longer the same form (data-form-version: a form that saves and starts afresh counts up,
//   so a saved contact never comes back into the next one's empty form).
// A field the person has typed into since the page came back is theirs as it is now. Only fields
// the person has typed into count at all: a field still showing what the server had not finished
// drawing when the connection went (a chosen client whose name had not arrived yet) is no input.
const settleMilliseconds = 1000;
const textTypes = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'time', 'datetime-local']);
let typedBeforeTheLoss = null;
// Elements, not ids: a field of a page left since never counts for a field of the same id on another.
const typedByThePerson = new WeakSet();

function noteThePersonsTyping(event) {
  if (event.isTrusted && event.target instanceof Element) {
    typedByThePerson.add(event.target);
  }
}
document.addEventListener('input', noteThePersonsTyping, true);
document.addEventListener('change', noteThePersonsTyping, true);

function isTypedField(element) {
  const typed = element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && textTypes.has(element.type));
  return typed && element.id && !element.disabled && !element.readOnly;
}

function takeTypedValues() {
  return {
    account: signedInAccount(),
    fields: [...document.querySelectorAll('input[id], textarea[id]')]
      .filter((element) => isTypedField(element) && typedByThePerson.has(element))
      .map((element) => ({ element, id: element.id, value: element.value, form: formVersionOf(element) })),
  };
}

// Who the page was for when the connection went (UserMenu.razor). In a shared browser someone else
// may have signed in while the page was away; their page must not receive the first person's typing.
function signedInAccount() {
  return document.querySelector('.user-menu')?.dataset.account ?? '';
}

// Whose sign-in the browser holds now, asked of the server (AccountEndpoints): a page that came back
// belongs to that account, whenever its first drawing arrives. Asked up to three times a second
// apart (a server that has just come back may not answer at once: unanswered, the typing would not
// be handed back); null when no answer comes.
async function accountOfThisBrowser() {
  const address = new URL('konto/angemeldet-als', document.baseURI);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch(address, { cache: 'no-store', credentials: 'same-origin', redirect: 'error' });
      if (response.ok) {
        return (await response.text()).trim();
      }
    } catch {
      // not reached; asked again
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return null;
}

function formVersionOf(element) {
  return element.closest('form')?.dataset.formVersion ?? '';
}

function handBackTypedValues(typed) {
  for (const { element, id, value, form } of typed) {
    const current = document.getElementById(id);
    if (!current || !isTypedField(current) || formVersionOf(current) !== form) {
      continue;
    }
    typedByThePerson.add(current); // it holds the person's typing, whichever side kept it
    const sameElement = current === element;
    const sendAgain = sameElement && current.value === value;
    const restoreAfterResume = !sameElement && current.value !== value;
    if (sendAgain || restoreAfterResume) {
      current.value = value;
      current.dispatchEvent(new Event('input', { bubbles: true }));
      current.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
}

const statesWithDialog = new Set(['show', 'retrying', 'paused', 'failed', 'resume-failed', 'rejected']);

dialog.addEventListener('components-reconnect-state-changed', (event) => {
  const state = event.detail.state;
  dialog.dataset.state = state;
  if (statesWithDialog.has(state)) {
    typedBeforeTheLoss ??= takeTypedValues();
    if (!dialog.open) {
      dialog.showModal();
    }
  } else {
    if (dialog.open) {
      dialog.close();
    }
    if (state === 'hide' && typedBeforeTheLoss) {
      const typed = typedBeforeTheLoss;
      typedBeforeTheLoss = null;
      const typedSince = new Set();
      const noteTyping = (e) => {
        if (e.isTrusted && e.target.id) {
          typedSince.add(e.target.id);
        }
      };
      document.addEventListener('input', noteTyping, true);
      setTimeout(async () => {
        // Typing while the server is asked counts as typed since: it is not overwritten.
        const now = await accountOfThisBrowser();
        document.removeEventListener('input', noteTyping, true);
        if (now === null) {
          return; // not known: nothing is handed back, nothing is reloaded
        }
        if (now === typed.account) {
          handBackTypedValues(typed.fields.filter((field) => !typedSince.has(field.id)));
          return;
        }
        // Someone else has signed in meanwhile (a shared browser), and a resumed page is theirs: its
        // fields may still hold the first person's typing (Blazor keeps an element whose value it
        // did not change). A fresh page holds only what is theirs. A new load without the fragment:
        // a reload would restore the fields' values, a change of the fragment alone loads nothing.
        for (const { element } of typed.fields) {
          element.value = element.defaultValue;
        }
        const url = new URL(location.href);
        url.hash = '';
        location.replace(url.href);
      }, settleMilliseconds);
    }
  }
});

// Escape must not hide the dialog while the page cannot reach the server.
dialog.addEventListener('cancel', (event) => event.preventDefault());

async function reconnectOrResume() {
  if (await Blazor.reconnect()) {
    return true;
  }
  return Blazor.resumeCircuit();
}

dialog.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-reconnect-action]');
  if (!button) {
    return;
  }
  const action = button.dataset.reconnectAction;
  if (action === 'resume' && (await Blazor.resumeCircuit())) {
    return;
  }
  if (action === 'retry' && (await reconnectOrResume())) {
    return;
  }
  location.reload();
});

// Given up while the laptop slept or the phone was offline: try again when it is back.
const retryAfterFailure = async () => {
  if (dialog.dataset.state === 'failed' && document.visibilityState === 'visible' && navigator.onLine) {
    await reconnectOrResume();
  }
};
document.addEventListener('visibilitychange', retryAfterFailure);
window.addEventListener('online', retryAfterFailure);

// A stopping instance hands its open pages over (Realtime/CircuitHandOver.cs): the page pauses,
// which hands it its own protected state, and resumes as soon as an instance answers (the other
// one behind the proxy, or this one restarted), with the input of the moment. While no instance
// answers, resuming throws and is tried again; an instance that answers and refuses has used up
// the handed-over state (blazor.web.js sends it once), so then the page says so and offers a reload.
const handOverRetryMilliseconds = 2 * 60 * 1000;

async function handOverAndResume() {
  dialog.dataset.handover = '';
  try {
    if (!(await Blazor.pauseCircuit())) {
      dialog.dataset.handover = 'failed';
      return;
    }
  } catch {
    // The stopping server did not take the pause in time: nothing was handed over.
    dialog.dataset.handover = 'failed';
    return;
  }

  const until = Date.now() + handOverRetryMilliseconds;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      if (await Blazor.resumeCircuit()) {
        delete dialog.dataset.handover;
      } else {
        dialog.dataset.handover = 'failed';
      }
      return;
    } catch {
      // No instance answers yet (the stopping one refuses, the other is not reachable yet): try again.
    }
  }
  dialog.dataset.handover = 'failed';
}

window.caseManagementReconnect = {
  // Returns at once: the pause itself talks to the server, which is waiting for this call to end.
  handOver: () => {
    setTimeout(handOverAndResume, 0);
  },
};
