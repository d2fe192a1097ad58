// The municipality's report page (MunicipalitySubmission.razor): what only the browser can do.
// - a copy of the answers in localStorage on every change, so typing survives a lost circuit or a closed tab;
// - the beforeunload warning while changes are unsaved;
// - file uploads straight to the API with fetch-like XMLHttpRequest (progress events), not over SignalR.

let dirty = false;
let typing = false;
let listening = false;

function onBeforeUnload(e) {
    if (dirty || typing) {
        e.preventDefault();
        // Older browsers show the prompt only when returnValue is set.
        e.returnValue = "";
    }
}

function onInput(e) {
    // Text fields write their answer on change (blur); a keystroke not yet blurred is still worth a warning.
    if (e.target instanceof Element && e.target.closest(".form-renderer")) {
        typing = true;
    }
}

function listen() {
    if (!listening) {
        window.addEventListener("beforeunload", onBeforeUnload);
        document.addEventListener("input", onInput, true);
        listening = true;
    }
}

export function setDirty(value) {
    listen();
    dirty = !!value;
    if (!dirty) {
        typing = false;
    }
}

export function dispose() {
    window.removeEventListener("beforeunload", onBeforeUnload);
    document.removeEventListener("input", onInput, true);
    listening = false;
    dirty = false;
    typing = false;
}

export function saveLocal(key, answers, baseUpdatedUtc) {
    try {
        localStorage.setItem(key, JSON.stringify({ answers, savedUtc: new Date().toISOString(), baseUpdatedUtc }));
        return true;
    } catch {
        // Private mode or a full quota: the server copy is then the only one, as before.
        return false;
    }
}

/** The stored copy as JSON text ({answers, savedUtc, baseUpdatedUtc}), or null. */
export function readLocal(key) {
    try {
        return localStorage.getItem(key);
    } catch {
        return null;
    }
}

export function clearLocal(key) {
    try {
        localStorage.removeItem(key);
    } catch {
        // nothing to clear
    }
}

/**
 * Sends every file chosen in the input, one request each, to url (the cookie authenticates it:
 * same origin). Reports to the component: UploadStarted(key, name, size), UploadProgress(key, percent),
 * UploadFinished(key, status, body). The input is emptied so that the same file can be chosen again.
 */
export function uploadFiles(input, url, component) {
    const files = Array.from(input.files || []);
    input.value = "";
    files.forEach((file, i) => {
        const key = `${Date.now()}-${i}-${Math.random().toString(36).slice(2, 8)}`;
        component.invokeMethodAsync("UploadStarted", key, file.name, file.size).then(() => {
            const xhr = new XMLHttpRequest();
            xhr.open("POST", url);
            xhr.withCredentials = true;
            xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
            xhr.setRequestHeader("Accept", "application/json");
            let last = -1;
            xhr.upload.onprogress = (e) => {
                if (e.lengthComputable) {
                    const percent = Math.floor((e.loaded * 100) / e.total);
                    // At most one call per whole percent: the circuit need not hear every packet.
                    if (percent !== last) {
                        last = percent;
                        component.invokeMethodAsync("UploadProgress", key, percent).catch(() => { });
                    }
                }
            };
            xhr.onload = () => component.invokeMethodAsync("UploadFinished", key, xhr.status, xhr.responseText || "").catch(() => { });
            xhr.onerror = () => component.invokeMethodAsync("UploadFinished", key, 0, "").catch(() => { });
            xhr.send(file);
        }).catch(() => { });
    });
}

/** DELETE on the API with the cookie; returns {status, body}. */
export async function deleteAttachment(url) {
    try {
        const response = await fetch(url, { method: "DELETE", credentials: "same-origin", headers: { Accept: "application/json" } });
        return { status: response.status, body: await response.text() };
    } catch {
        return { status: 0, body: "" };
    }
}
