export default async function globalTeardown() {
  await globalThis.__SKYDDSNAT_HUB__?.stop();
}
