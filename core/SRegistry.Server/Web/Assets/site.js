// Progressive enhancement only: every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  navigator.clipboard?.writeText(button.dataset.copy).then(() => {
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// The upload page: the file goes as the raw request body (streamed to the store, never buffered as a
// form), the antiforgery token in a header; progress events drive the bar, and success opens the image.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.dataset.upload) return;
  event.preventDefault();
  const file = form.elements.file.files[0];
  const error = document.getElementById("upload-error");
  const progress = document.getElementById("upload-progress");
  const bar = progress.querySelector("progress");
  const status = document.getElementById("upload-status");
  const button = form.querySelector("button[type=submit]");
  const fail = (message) => {
    error.textContent = message;
    error.classList.remove("hidden");
    progress.classList.add("hidden");
    button.disabled = false;
  };
  if (!file) return fail("Choose a SIF file to upload.");
  const query = new URLSearchParams(["entity", "collection", "container", "tag"].map((name) => [name, form.elements[name].value.trim()]));
  const request = new XMLHttpRequest();
  request.open("POST", `${form.dataset.upload}?${query}`);
  request.setRequestHeader(form.dataset.tokenHeader, form.dataset.token);
  request.setRequestHeader("Content-Type", "application/octet-stream");
  request.upload.addEventListener("progress", (e) => {
    if (!e.lengthComputable) return;
    bar.value = Math.floor((e.loaded / e.total) * 100);
    status.textContent = `${bar.value}% of ${file.name}`;
  });
  request.upload.addEventListener("load", () => { status.textContent = "Checking the image…"; });
  request.addEventListener("load", () => {
    let answer = null;
    try { answer = JSON.parse(request.responseText); } catch { /* not JSON: a proxy's error page */ }
    if (request.status === 200 && answer?.url) return window.location.assign(answer.url);
    if (answer?.error) return fail(answer.error);
    fail(request.status === 413
      ? "The file is larger than this server accepts; nothing was stored."
      : `The upload failed (HTTP ${request.status}); nothing was stored.`);
  });
  request.addEventListener("error", () => fail("The upload broke off; nothing was stored. Check the connection and try again."));
  error.classList.add("hidden");
  progress.classList.remove("hidden");
  bar.value = 0;
  status.textContent = `Uploading ${file.name}…`;
  button.disabled = true;
  request.send(file);
});
