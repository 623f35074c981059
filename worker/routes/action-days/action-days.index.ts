import { createRouter } from "../../lib/create-app";
import * as handlers from "./action-days.handlers";
import * as routes from "./action-days.routes";

/** The organiser's action days (docs/action-days.md). */
export const actionDaysRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.get, handlers.get)
  .openapi(routes.approve, handlers.approve)
  .openapi(routes.suggest, handlers.suggest)
  .openapi(routes.move, handlers.move)
  .openapi(routes.unassign, handlers.unassign)
  .openapi(routes.enterResults, handlers.enterResults)
  .openapi(routes.resultsLink, handlers.resultsLink);
