// The video hosts the reader site can play (see Site/MediaEmbed.cs); any other URL is refused as an embed.
const PATTERNS = [
  /^https?:\/\/(www\.|m\.)?youtube\.com\/watch\?(.*&)?v=[A-Za-z0-9_-]{11}(&.*)?$/,
  /^https?:\/\/(www\.)?youtube(-nocookie)?\.com\/(embed|shorts|live)\/[A-Za-z0-9_-]{11}([?#].*)?$/,
  /^https?:\/\/youtu\.be\/[A-Za-z0-9_-]{11}([?#].*)?$/,
  /^https?:\/\/(www\.|player\.)?vimeo\.com\/(video\/)?[0-9]{1,12}([/?#].*)?$/,
  /^https?:\/\/(www\.)?dailymotion\.com\/(video|embed\/video)\/[A-Za-z0-9]{1,20}([?#].*)?$/,
  /^https?:\/\/dai\.ly\/[A-Za-z0-9]{1,20}([?#].*)?$/,
];

export function isVideoUrl(url) {
  const value = String(url ?? '').trim();
  return PATTERNS.some((pattern) => pattern.test(value));
}
