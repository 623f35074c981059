import { createRouter } from "../../lib/create-app";
import * as handlers from "./board.handlers";
import * as routes from "./board.routes";

export const boardRouter = createRouter().openapi(routes.board, handlers.board).openapi(routes.decide, handlers.decide);
