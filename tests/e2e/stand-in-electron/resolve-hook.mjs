const standIn = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
