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
