/** What the Cloudinary driver needs, read from `CLOUDINARY_URL`. */
export interface CloudinarySettings {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
  /**
   * API origin; null means Cloudinary's own. Set through `?upload_prefix=` in the URL, the
   * same query syntax the SDK itself reads from CLOUDINARY_URL (tests point it at a fake).
   */
  uploadPrefix: string | null;
}

/**
 * Parses `cloudinary://<api_key>:<api_secret>@<cloud_name>[?upload_prefix=<http(s) origin>]`
 * (the form Cloudinary's console shows). Returns a message instead when it is malformed.
 */
export function parseCloudinaryUrl(value: string): CloudinarySettings | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must look like cloudinary://<api_key>:<api_secret>@<cloud_name>';
  }
  const apiKey = decodeURIComponent(url.username);
  const apiSecret = decodeURIComponent(url.password);
  if (url.protocol !== 'cloudinary:' || !url.hostname || !apiKey || !apiSecret) {
    return 'must look like cloudinary://<api_key>:<api_secret>@<cloud_name>';
  }
  const uploadPrefix = url.searchParams.get('upload_prefix');
  if (uploadPrefix !== null && !/^https?:\/\/[^/?#\s]+$/.test(uploadPrefix)) {
    return 'upload_prefix must be an http(s) origin such as https://api.cloudinary.com';
  }
  return { cloudName: url.hostname, apiKey, apiSecret, uploadPrefix };
}
