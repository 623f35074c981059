import { createRouter } from "../../lib/create-app";
import * as handlers from "./cooperations.handlers";
import * as routes from "./cooperations.routes";

// Static paths (bulk) are registered before /{id} so they are not taken for an id.
export const cooperationsRouter = createRouter()
  .openapi(routes.bulk, handlers.bulk)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.create, handlers.create)
  .openapi(routes.update, handlers.update)
  .openapi(routes.remove, handlers.remove);
