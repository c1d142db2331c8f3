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
// removed, that the person had typed into, are listed in the notice's [data-kept-typing] section
// (text only, in this browser; nothing goes back to the server).
(() => {
  const typedTypes = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'time', 'datetime-local']);
  // Field → its label, taken while the field is on the page (a removed field no longer finds it).
  const typedIntoByThePerson = new WeakMap();

  const isTextField = (element) =>
    element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && typedTypes.has(element.type));

  const labelOf = (field) => {
    const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.name ?? field.id;
    return label.replace(/\s+/g, ' ').trim() || 'Feld';
  };

  const noteTyping = (event) => {
    if (event.isTrusted && event.target instanceof Element && isTextField(event.target)) {
      typedIntoByThePerson.set(event.target, labelOf(event.target));
    }
  };
  document.addEventListener('input', noteTyping, true);
  document.addEventListener('change', noteTyping, true);

  const typedFieldsIn = (node) => {
    if (!(node instanceof Element)) {
      return [];
    }
    const fields = isTextField(node) ? [node] : [...node.querySelectorAll('input, textarea')];
    return fields.filter((field) => typedIntoByThePerson.has(field) && field.value.trim() !== '');
  };

  // Blazor may hand the removal of the page and the notice's arrival to the observer in two calls:
  // typing removed stays pending until the notice comes or something else is drawn instead.
  let removedTyping = [];

  const showKeptTyping = (records) => {
    removedTyping.push(...records.flatMap((record) => [...record.removedNodes].flatMap(typedFieldsIn)));
    const section = document.querySelector('[data-kept-typing]:not([data-kept-typing-shown])');
    if (!section) {
      if (records.some((record) => record.addedNodes.length > 0)) {
        removedTyping = [];
      }
      return;
    }
    section.setAttribute('data-kept-typing-shown', '');
    const typed = removedTyping;
    removedTyping = [];
    if (typed.length === 0) {
      return;
    }
    const list = section.querySelector('dl');
    for (const field of typed) {
      const term = document.createElement('dt');
      term.textContent = typedIntoByThePerson.get(field);
      const value = document.createElement('dd');
      value.textContent = field.value;
      list.append(term, value);
    }
    section.hidden = false;
  };

  new MutationObserver(showKeptTyping).observe(document.body, { childList: true, subtree: true });
})();
