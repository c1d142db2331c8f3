// Buttons of the reconnect dialog (Components/Layout/ReconnectModal.razor).
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-reconnect-action]');
  if (!button) {
    return;
  }
  if (button.dataset.reconnectAction === 'retry' && window.Blazor && typeof window.Blazor.reconnect === 'function') {
    const reconnected = await window.Blazor.reconnect();
    if (reconnected) {
      return;
    }
  }
  location.reload();
});
