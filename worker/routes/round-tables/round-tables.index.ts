import { createRouter } from "../../lib/create-app";
import * as handlers from "./round-tables.handlers";
import * as routes from "./round-tables.routes";

/** Round-table series, their meetings and minutes (docs/round-tables.md). */
export const roundTablesRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.getMeeting, handlers.getMeeting)
  .openapi(routes.updateMeeting, handlers.updateMeeting)
  .openapi(routes.addDecision, handlers.addDecision)
  .openapi(routes.removeDecision, handlers.removeDecision)
  .openapi(routes.addTask, handlers.addTask)
  .openapi(routes.updateTask, handlers.updateTask)
  .openapi(routes.get, handlers.get)
  .openapi(routes.update, handlers.update)
  .openapi(routes.addMeeting, handlers.addMeeting);
