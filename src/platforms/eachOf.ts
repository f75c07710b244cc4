/** What `pick` gives for each platform, in order, as one list (the app's bundle targets ES2017, which has no flatMap). */
export function eachOf<P, T>(platforms: ReadonlyArray<P>, pick: (platform: P) => ReadonlyArray<T>): Array<T> {
    return platforms.reduce<Array<T>>((all, platform) => all.concat(pick(platform)), []);
}
