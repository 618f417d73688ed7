// The bearer token lives in sessionStorage: it is gone when the tab closes.
const KEY = 'curlake.token';

export const token = () => sessionStorage.getItem(KEY);
export const signIn = (value) => sessionStorage.setItem(KEY, value.trim());
export const signOut = () => sessionStorage.removeItem(KEY);
