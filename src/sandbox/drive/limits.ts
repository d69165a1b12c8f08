/**
 * Graph v1.0 documents simple upload (`PUT …/content`) for files up to 250 MB; the older OneDrive
 * docs said 4 MB, which is why clients (Delegate among them) switch to an upload session above
 * 4 MB. The sandbox accepts what Graph accepts, so a client's own threshold is its choice.
 */
export const MAX_SIMPLE_UPLOAD = 250 * 1024 * 1024;
