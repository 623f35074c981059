import { createRouter } from "../../lib/create-app";
import * as registrationHandlers from "./registrations.handlers";
import * as registrationRoutes from "./registrations.routes";
import * as handlers from "./workspace.handlers";
import * as routes from "./workspace.routes";

/** The organiser's workspace; board, deals, follow-ups and results mount their own routers. */
export const marketplacesRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.get, handlers.get)
  .openapi(routes.update, handlers.update)
  .openapi(routes.addModerator, handlers.addModerator)
  .openapi(routes.removeModerator, handlers.removeModerator)
  .openapi(registrationRoutes.list, registrationHandlers.list)
  .openapi(registrationRoutes.approve, registrationHandlers.approve)
  .openapi(registrationRoutes.reject, registrationHandlers.reject);
