/** Site_Url + a Rocket.Chat path with exactly one slash between; absolute URLs are kept. */
export function absoluteUrl(siteUrl: string, link: string): string {
    if (/^https?:\/\//i.test(link)) {
        return link;
    }
    return `${siteUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}
