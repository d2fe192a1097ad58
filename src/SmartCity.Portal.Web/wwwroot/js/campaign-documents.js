// Uploads the file picked in a plain <input type=file> straight to the streamed API endpoint (not over
// SignalR): the same protocol as evidence uploads, raw body with the name in X-File-Name.
export async function upload(inputId, url) {
    const input = document.getElementById(inputId);
    if (!input || !input.files || input.files.length === 0) {
        return { status: 0, body: "" };
    }
    const file = input.files[0];
    try {
        const response = await fetch(url, {
            method: "POST",
            body: file,
            credentials: "same-origin",
            headers: { "X-File-Name": encodeURIComponent(file.name), "Accept": "application/json" },
        });
        const body = await response.text();
        if (response.ok) {
            input.value = "";
        }
        return { status: response.status, body: body };
    } catch (e) {
        return { status: -1, body: String(e) };
    }
}

export function hasFile(inputId) {
    const input = document.getElementById(inputId);
    return !!(input && input.files && input.files.length > 0);
}
