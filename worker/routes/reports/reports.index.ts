import { createRouter } from "../../lib/create-app";
import * as handlers from "./reports.handlers";
import * as routes from "./reports.routes";

/** Public: reports show anonymous figures only, so no role is asked for. */
export const reportsRouter = createRouter().openapi(routes.report, handlers.report);
