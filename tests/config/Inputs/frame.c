/* A renderer whose per-frame function is hot; the config says so. */
#include <CL/cl.h>

void render_frame(cl_command_queue q) {
  clFinish(q);
}

void setup(cl_command_queue q) {
  clFinish(q);
}
