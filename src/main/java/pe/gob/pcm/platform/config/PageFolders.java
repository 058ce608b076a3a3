package pe.gob.pcm.platform.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The platform's pages that live at a folder's address ({@code /procedimientos/}, as the docs and
 * the OpenAPI cite it) rather than at a file's: Spring Boot serves {@code index.html} only for the
 * root, so without this the folder answered 404 and only {@code .../index.html} worked.
 */
@Configuration
public class PageFolders implements WebMvcConfigurer {

  /** Static folders (under static/) whose page is their index.html. */
  static final String[] FOLDERS = {"procedimientos", "mapa"};

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String folder : FOLDERS) {
      registry.addViewController("/" + folder + "/").setViewName("forward:/" + folder + "/index.html");
      registry.addRedirectViewController("/" + folder, "/" + folder + "/");
    }
  }
}
