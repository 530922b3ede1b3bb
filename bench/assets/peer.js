// The peer: hand-written forms wired with jQuery and jquery-osdi, as its README shows.
// jquery-osdi renders nothing and checks nothing: the form's own `required` and
// type="email" are the only validation, and the thanks message is ours to write.
/* global $ */
$(() => {
  $("form.osdi-embed__form").each(function () {
    const status = $(this).siblings(".osdi-embed__status");
    $(this).osdi({
      add_tags: ["bench"],
      done: () => status.text("Thank you!"),
      fail: () => status.text("Could not send. Please try again."),
    });
  });
  // The bench reads this mark as "every form is wired".
  performance.mark("peer:wired");
});
