import { createRouter } from "../../lib/create-app";
import * as handlers from "./results.handlers";
import * as routes from "./results.routes";

export const resultsRouter = createRouter().openapi(routes.results, handlers.results).openapi(routes.publicResults, handlers.publicResults);
