import { createRouter } from "../../lib/create-app";
import * as handlers from "./regions.handlers";
import * as routes from "./regions.routes";

// Static paths (bulk) are registered before /{id} so they are not taken for an id.
export const regionsRouter = createRouter({ writers: ["admin"] })
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.create, handlers.create)
  .openapi(routes.update, handlers.update)
  .openapi(routes.remove, handlers.remove);
