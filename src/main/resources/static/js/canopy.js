// Small behaviours that the server-rendered pages share. Content Security Policy allows only scripts from this site.
document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) {
        return;
    }
    const text = button.dataset.copy;
    try {
        await navigator.clipboard.writeText(text);
        showCopied(button, button.dataset.copied || "Copied");
    } catch (error) {
        showCopied(button, text);
    }
});

function showCopied(button, message) {
    let status = button.parentElement.querySelector(".copied");
    if (!status) {
        status = document.createElement("span");
        status.className = "copied";
        status.setAttribute("role", "status");
        button.after(status);
    }
    status.textContent = message;
}

document.addEventListener("click", (event) => {
    const panel = document.getElementById("network-panel");
    if (panel && panel.innerHTML && !event.target.closest(".network")) {
        panel.innerHTML = "";
    }
});

// htmx does not swap error responses, so a refused or failed request would otherwise change nothing on the page.
document.addEventListener("htmx:responseError", (event) => {
    const banner = document.getElementById("request-failed");
    if (!banner) {
        return;
    }
    const status = event.detail.xhr ? event.detail.xhr.status : "";
    banner.textContent = banner.dataset.message.replace("{0}", status);
    banner.hidden = false;
});

document.addEventListener("htmx:sendError", () => {
    const banner = document.getElementById("request-failed");
    if (banner) {
        banner.textContent = banner.dataset.message.replace("{0}", "—");
        banner.hidden = false;
    }
});
