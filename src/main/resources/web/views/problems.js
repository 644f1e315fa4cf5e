// A refusal of the API as a sentence a person can act on: the problem's detail and its code.
import { ApiError } from "/api.js";
import { notice } from "/ui.js";

export function refusal(error) {
  if (error instanceof ApiError) {
    const code = error.problem.code || error.problem.title || `HTTP ${error.status}`;
    const detail = error.problem.detail || error.problem.title || "";
    return notice(`Refused (${code}): ${detail}`, "bad");
  }
  return notice(error.message || String(error), "bad");
}
