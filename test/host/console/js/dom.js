// Small DOM helpers: elements from data, times, a toast for outcomes.

/** `h('div', {class: 'x', onclick}, child, 'text')`: an element; attributes starting with `on` are listeners. */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (value === true) {
            element.setAttribute(name, '');
        } else {
            element.setAttribute(name, String(value));
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== undefined && child !== null && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** 14:03:07 today, else 2024-05-06 14:03. */
export function shortTime(iso) {
    if (!iso) {
        return '';
    }
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
        return String(iso);
    }
    const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    return date.toDateString() === new Date().toDateString() ? time : `${date.toISOString().slice(0, 10)} ${time.slice(0, 5)}`;
}

let toastTimer;

/** A short note at the bottom of the page; errors stay longer. */
export function toast(text, isError = false) {
    const box = $('#toast');
    box.textContent = text;
    box.classList.toggle('error', isError);
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
        box.hidden = true;
    }, isError ? 8000 : 3000);
}

/** Runs a form's or button's action, showing a failure in a toast (and in `answerBox` when given). */
export async function attempt(action, answerBox) {
    try {
        return await action();
    } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (answerBox) {
            answerBox.textContent = text;
        }
        toast(text, true);
        return undefined;
    }
}

/** The form's fields as an object of trimmed strings. */
export function formValues(form) {
    return Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name, typeof value === 'string' ? value.trim() : value]));
}

/** Replaces the children of `element`. */
export function fill(element, ...children) {
    element.replaceChildren(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false));
}
