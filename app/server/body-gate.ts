/**
 * One gate for every request body, before Remix or any form library sees it. A write is
 * read here in full, within limits, and checked against app/domain/form-input.ts: the
 * content type the route accepts (415 otherwise), the number of fields, each name (length,
 * characters, `[n]` indexes, Conform's reserved names) and each value (valid UTF-8; control
 * characters and bidi overrides removed). Whatever breaks a limit is answered at once,
 * reading stops, and the action never runs. What passes is handed on as a clean
 * URLSearchParams or FormData (`res.locals.form`), which app.ts gives Remix as the body, so
 * `request.formData()` in a route only ever sees checked input.
 *
 * Multipart goes through busboy, which reads RFC 7578 bodies as they stream and copes with
 * any file name a browser sends (`report=final.pdf`, `minutes; March.pdf`, quotes, UTF-8).
 */
import busboy from "busboy";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { MAX_FILE_BYTES } from "~/domain/files";
import {
  cleanText,
  fieldNameProblem,
  FORM_LIMITS,
  MalformedBody,
  parseUrlEncoded,
  type FieldNameProblem,
} from "~/domain/form-input";

/**
 * The routes whose forms send files (multipart/form-data), with how many files one request
 * may carry and how large each may be. Every other route accepts urlencoded forms only.
 * A new upload form adds its path here.
 */
export const UPLOAD_ROUTES: ReadonlyArray<{ path: RegExp; files: number; fileBytes: number }> = [
  { path: /^\/nominate\/[^/]+\/files\/?$/, files: 1, fileBytes: MAX_FILE_BYTES },
  // A campaign's commitment form and briefing PDF; the MP directory's CSV.
  { path: /^\/admin\/campaigns\/(new|\d+)\/?$/, files: 2, fileBytes: MAX_FILE_BYTES },
  { path: /^\/admin\/campaigns\/directory\/?$/, files: 1, fileBytes: MAX_FILE_BYTES },
];

/** Routes whose forms use Conform's intent buttons (`__intent__`); none do today. */
export const CONFORM_INTENT_ROUTES: readonly RegExp[] = [];

export type BodyGateOptions = { limitBytes: number; idleMs: number };

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const NAME_MESSAGES: Record<FieldNameProblem, string> = {
  empty: "The form had a field without a name.",
  "too-long": "The form had a field name that is too long.",
  characters: "The form had a field name with characters our forms never use.",
  index: "The form had a field name with a list position our forms never use.",
  reserved: "The form had a field name that is reserved.",
};

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (limitBytes: number) =>
  new Refusal(413, `That was too large to send. The limit is ${Math.round(limitBytes / (1024 * 1024))} MB.`);
const malformed = (what: string) => new Refusal(400, `We could not read that form: it contained ${what}. Go back and try again.`);

export function bodyGate({ limitBytes, idleMs }: BodyGateOptions): RequestHandler {
  return (req, res, next) => {
    if (!WRITE_METHODS.has(req.method)) return next();
    // Remix's single fetch posts `/route.data` (`/_root.data` for the home page) for the same action.
    const path = req.path.replace(/^\/_root\.data$/, "/").replace(/\.data$/, "");
    const mediaType = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const charset = /;\s*charset="?([^";\s]+)/i.exec(req.get("content-type") ?? "")?.[1]?.toLowerCase();
    const allowReserved = CONFORM_INTENT_ROUTES.some((p) => p.test(path));
    const upload = UPLOAD_ROUTES.find((r) => r.path.test(path));

    let settled = false;
    const refuse = (refusal: Refusal) => {
      if (settled) return;
      settled = true;
      stopReading(req, res, refusal.status === 413);
      res.status(refusal.status).type("text/plain; charset=utf-8").send(refusal.message);
    };
    const pass = (form: URLSearchParams | FormData) => {
      if (settled) return;
      settled = true;
      res.locals.form = form;
      next();
    };

    if (charset && charset !== "utf-8" && charset !== "utf8") {
      return refuse(new Refusal(415, "Forms must be sent as UTF-8."));
    }
    if (mediaType === "application/x-www-form-urlencoded") {
      const limit = Math.min(limitBytes, FORM_LIMITS.urlencodedBytes);
      return readWhole(req, limit, idleMs, refuse, (body) => {
        try {
          pass(checkedUrlEncoded(body.toString("latin1"), allowReserved));
        } catch (error) {
          if (error instanceof Refusal) return refuse(error);
          if (error instanceof MalformedBody) return refuse(malformed(error.message));
          throw error;
        }
      });
    }
    if (mediaType === "multipart/form-data" && upload) {
      return readMultipart(req, { limitBytes, idleMs, allowReserved, ...upload }, refuse, pass);
    }
    if (mediaType === "multipart/form-data") {
      return refuse(new Refusal(415, "This form does not take files. Go back, reload the page and try again."));
    }
    return refuse(new Refusal(415, "This address only accepts forms sent from our pages."));
  };
}

/** Answer first, then close: destroying at once could reset the connection before the client reads the refusal. */
function stopReading(req: ExpressRequest, res: ExpressResponse, linger: boolean) {
  if (req.complete) return;
  // Nothing read yet (a declared length over the limit, a refused type): Node discards the
  // body without keeping it (bounded by requestTimeout), so the client can read the answer.
  if (req.readableFlowing === null) return;
  req.unpipe();
  req.removeAllListeners("data");
  // The connection closes two seconds after the answer, time enough for a client on a busy
  // machine to read it.
  res.once("finish", () => setTimeout(() => req.destroy(), 2_000).unref());
  if (linger) {
    // A client still sending (an oversize upload) would see a reset, not the answer, if we
    // closed now: the rest is read and dropped until then, kept nowhere (a lingering close).
    req.resume();
    return;
  }
  // Paused, the rest of the body waits in the client's socket rather than ours.
  res.setHeader("Connection", "close");
  req.pause();
}

function checkedUrlEncoded(latin1: string, allowReserved: boolean): URLSearchParams {
  const pairs = parseUrlEncoded(latin1);
  if (pairs === "too-many-fields") throw new Refusal(413, `That form had too many fields (the limit is ${FORM_LIMITS.fields}).`);
  const form = new URLSearchParams();
  for (const [name, value] of pairs) {
    checkName(name, allowReserved);
    form.append(name, checkedValue(value));
  }
  return form;
}

function checkName(name: string, allowReserved: boolean) {
  const problem = fieldNameProblem(name, { allowReserved });
  if (problem) throw new Refusal(400, NAME_MESSAGES[problem]);
}

function checkedValue(value: string): string {
  if (value.length > FORM_LIMITS.valueLength) {
    throw new Refusal(413, `One of the answers was too long (the limit is ${FORM_LIMITS.valueLength.toLocaleString("en-GB")} characters).`);
  }
  return cleanText(value);
}

/** Reads a body into memory, up to `limit` bytes and never idle for longer than `idleMs`. */
function readWhole(
  req: ExpressRequest,
  limit: number,
  idleMs: number,
  refuse: (r: Refusal) => void,
  done: (body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  let seen = 0;
  let refused = false;
  const stop = watchBody(
    req,
    limit,
    idleMs,
    (r) => {
      refused = true;
      refuse(r);
    },
    (chunk) => {
      seen += chunk.length;
      chunks.push(chunk);
    },
  );
  req.on("end", () => {
    stop();
    if (!refused) done(Buffer.concat(chunks, seen));
  });
}

/**
 * Counts a body as it arrives (declared or chunked) and refuses it the moment it passes
 * `limit`, or when no byte has come for `idleMs` (a Content-Length larger than the body
 * would otherwise hold the connection until Node's request timeout).
 */
function watchBody(
  req: ExpressRequest,
  limit: number,
  idleMs: number,
  refuse: (r: Refusal) => void,
  onChunk: (chunk: Buffer) => void,
): () => void {
  if (Number(req.get("content-length") ?? 0) > limit) {
    refuse(tooLarge(limit));
    return () => {};
  }
  let seen = 0;
  let timer = setTimeout(idle, idleMs);
  function idle() {
    refuse(new Refusal(408, "The form stopped arriving before it was complete. Try again."));
  }
  const stop = () => clearTimeout(timer);
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    clearTimeout(timer);
    if (seen > limit) {
      refuse(tooLarge(limit));
      return;
    }
    timer = setTimeout(idle, idleMs);
    onChunk(chunk);
  });
  req.on("close", stop);
  req.on("error", stop);
  return stop;
}

type MultipartOptions = BodyGateOptions & { allowReserved: boolean; files: number; fileBytes: number };

function readMultipart(
  req: ExpressRequest,
  { limitBytes, idleMs, allowReserved, files, fileBytes }: MultipartOptions,
  refuse: (r: Refusal) => void,
  pass: (form: FormData) => void,
) {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: "utf8",
      limits: {
        fields: FORM_LIMITS.fields,
        parts: FORM_LIMITS.fields,
        files,
        fieldNameSize: FORM_LIMITS.nameLength,
        fieldSize: FORM_LIMITS.valueLength * 4,
        // One byte over the cap reaches the action, so the form can say in words, next to
        // the field, that the file is too large; the rest is read and dropped.
        fileSize: fileBytes + 1,
        headerPairs: 20,
      },
    });
  } catch {
    return refuse(malformed("no readable parts (a missing or broken boundary)"));
  }
  const form = new FormData();
  const fail = (error: unknown) => {
    if (error instanceof Refusal) return refuse(error);
    if (error instanceof MalformedBody) return refuse(malformed(error.message));
    refuse(malformed("parts we could not read"));
  };
  const readable = (text: string, what: string) => {
    if (text.includes("\uFFFD")) throw new MalformedBody(`${what} that is not valid UTF-8`);
    return text;
  };
  const pending: Promise<void>[] = [];

  parser.on("field", (name, value, info) => {
    try {
      if (info.nameTruncated) throw new Refusal(400, NAME_MESSAGES["too-long"]);
      if (info.valueTruncated) throw new Refusal(413, "One of the answers was too long.");
      checkName(readable(name, "a field name"), allowReserved);
      form.append(name, checkedValue(readable(value, "text")));
    } catch (error) {
      fail(error);
    }
  });
  parser.on("file", (name, stream, info) => {
    try {
      checkName(readable(name, "a field name"), allowReserved);
      const filename = cleanText(readable(info.filename ?? "", "a file name")).slice(0, 255);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      pending.push(
        new Promise((resolve) => {
          stream.on("data", (chunk: Buffer) => chunks.push(new Uint8Array(chunk)));
          // A body cut off mid-file fails the part too; the parser's own error answers it.
          stream.on("error", () => resolve());
          stream.on("close", () => {
            form.append(name, new File(chunks, filename, { type: info.mimeType }));
            resolve();
          });
        }),
      );
    } catch (error) {
      stream.resume();
      fail(error);
    }
  });
  parser.on("partsLimit", () => refuse(new Refusal(413, `That form had too many parts (the limit is ${FORM_LIMITS.fields}).`)));
  parser.on("fieldsLimit", () => refuse(new Refusal(413, `That form had too many fields (the limit is ${FORM_LIMITS.fields}).`)));
  parser.on("filesLimit", () => refuse(new Refusal(413, `Send ${files === 1 ? "one file" : `at most ${files} files`} at a time.`)));
  parser.on("error", fail);
  parser.on("close", () => {
    void Promise.all(pending).then(() => pass(form));
  });

  watchBody(req, limitBytes, idleMs, refuse, (chunk) => {
    parser.write(chunk);
  });
  req.on("end", () => parser.end());
}
