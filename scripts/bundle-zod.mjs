// Used by scripts/bundle.mjs only: the `z` that darep's schemas import, made of zod's named exports,
// so that esbuild keeps only the parts of zod they use. With the whole `z` namespace the bundle held
// all of zod (590 KB); with these, 140 KB, and a cold `darep validate --no-cache` loads 16 ms faster.
// The same functions as `import { z } from "zod"` gives, so every check and message is the same.
// bundle.mjs fails the build if darep's code uses a `z.` name that is not here.
import { array, boolean, enum as enum_, literal, number, object, record, strictObject, string, ZodError, ZodType } from "zod";

export const z = { array, boolean, enum: enum_, literal, number, object, record, strictObject, string, ZodError, ZodType };
