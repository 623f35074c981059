import { createRouter } from "../../lib/create-app";
import * as handlers from "./follow-ups.handlers";
import * as routes from "./follow-ups.routes";

export const followUpsRouter = createRouter()
  .openapi(routes.board, handlers.board)
  .openapi(routes.schedule, handlers.schedule)
  .openapi(routes.send, handlers.send)
  .openapi(routes.download, handlers.download);
