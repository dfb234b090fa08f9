// Any method on /api/v1/* without an endpoint – a JSON 404 with a stable reason
import { apiPathNotFound } from "@/lib/api/api-errors";

export {
  apiPathNotFound as DELETE,
  apiPathNotFound as GET,
  apiPathNotFound as PATCH,
  apiPathNotFound as POST,
  apiPathNotFound as PUT,
};
