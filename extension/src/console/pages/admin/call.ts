/** Sends one change to the estate's set-up and reloads it; false (with the reason shown) when it was refused. */
export type Call = (path: string, json: unknown, method?: string) => Promise<boolean>;
