export default defineBackground(() => {
  // Wiring comes with storage (issue: save, keep and track).
});
