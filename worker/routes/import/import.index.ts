import { createRouter } from "../../lib/create-app";
import * as handlers from "./import.handlers";
import * as routes from "./import.routes";

export const importRouter = createRouter()
  .openapi(routes.template, handlers.template)
  .openapi(routes.columns, handlers.columns)
  .openapi(routes.runImport, handlers.runImport);
