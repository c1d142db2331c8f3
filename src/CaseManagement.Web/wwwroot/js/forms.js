// Long forms (the help plan): Ctrl+S or Cmd+S presses the page's save button (data-save-shortcut)
// instead of the browser's "save page", and links in a list of problems put the cursor into their
// field (a plain #link would only scroll there).
window.caseManagementForms = {
  focus(id) {
    const field = document.getElementById(id);
    if (field) {
      field.focus();
      field.scrollIntoView({ block: 'center' });
    }
  },
};

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
    const save = document.querySelector('[data-save-shortcut]');
    if (save) {
      event.preventDefault();
      if (!save.disabled) {
        save.click();
      }
    }
  }
});

// A page whose database read fails is replaced by the outage notice (DatabaseOutageBoundary.razor),
// also when the read was a re-read after a change to the case (a consent revoked elsewhere) while
// the person was typing. Their typing must not go with the page: the fields the notice's render
// removed, that the person had typed into on the page at this address, are listed in the notice's
// [data-kept-typing] section (text only, in this browser; nothing goes back to the server). The
// address matters: going from one case's page to another's keeps the first page on screen while
// the second is read, and if that read fails, the first case's typing must not appear under the
// second case's address (it could be copied into the wrong file).
(() => {
  const typedTypes = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'time', 'datetime-local']);
  // Field → its label and the page's address, taken while the field is on the page (a removed
  // field no longer finds its label).
  const typedIntoByThePerson = new WeakMap();

  const isTextField = (element) =>
    element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && typedTypes.has(element.type));

  const labelOf = (field) => {
    const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.name ?? field.id;
    return label.replace(/\s+/g, ' ').trim() || 'Feld';
  };

  const noteTyping = (event) => {
    if (event.isTrusted && event.target instanceof Element && isTextField(event.target)) {
      typedIntoByThePerson.set(event.target, { label: labelOf(event.target), page: location.pathname });
    }
  };
  // Input only: a text field's change event also fires when it loses the focus as it is removed,
  // by then at the next page's address.
  document.addEventListener('input', noteTyping, true);

  const typedFieldsIn = (node) => {
    if (!(node instanceof Element)) {
      return [];
    }
    const fields = isTextField(node) ? [node] : [...node.querySelectorAll('input, textarea')];
    return fields.filter((field) => typedIntoByThePerson.has(field) && field.value.trim() !== '');
  };

  // Blazor may hand the removal of the page and the notice's arrival to the observer in two calls:
  // the typing of a call that only removed stays pending for the next call, and goes when that
  // call draws something other than the notice.
  let removedTyping = [];

  // Runs on every change of the page's elements: the removed fields are looked at only when the
  // notice has arrived, or when a call only removed (the notice may follow in the next).
  const showKeptTyping = (records) => {
    const removedFields = () => records.flatMap((record) => [...record.removedNodes].flatMap(typedFieldsIn));
    const section = document.querySelector('[data-kept-typing]:not([data-kept-typing-shown])');
    if (!section) {
      const onlyRemoved = records.every((record) => record.addedNodes.length === 0);
      removedTyping = onlyRemoved ? removedFields() : [];
      return;
    }
    const removed = removedFields();
    section.setAttribute('data-kept-typing-shown', '');
    const typed = [...removedTyping, ...removed].filter((field) => typedIntoByThePerson.get(field).page === location.pathname);
    removedTyping = [];
    if (typed.length === 0) {
      return;
    }
    const list = section.querySelector('dl');
    for (const field of typed) {
      const term = document.createElement('dt');
      term.textContent = typedIntoByThePerson.get(field).label;
      const value = document.createElement('dd');
      value.textContent = field.value;
      list.append(term, value);
    }
    section.hidden = false;
    // The field being typed into has gone, and the focus with it: take it to the kept typing.
    if (document.activeElement === null || document.activeElement === document.body) {
      section.querySelector('h2')?.focus();
    }
  };

  new MutationObserver(showKeptTyping).observe(document.body, { childList: true, subtree: true });
})();
