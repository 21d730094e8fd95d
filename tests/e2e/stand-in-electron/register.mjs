// `node --import ./register.mjs out/main/main.js`: resolves `electron` to the stand-in.
import { register } from 'node:module';

register(new URL('./resolve-hook.mjs', import.meta.url));
