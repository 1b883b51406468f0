package org.atalaya.routes.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;

import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.security.rest.Consults;
import org.junit.jupiter.api.Test;

/** The gate refuses a method without {@link Consults} to everyone; each one here must say what it does. */
class ConsultsTest {

    @Test
    void everyResourceMethodReadsOrWritesFaceMatchesAsItsHttpMethodSays() {
        List<Method> methods = Arrays.stream(new Class<?>[] {FaceMatchesResource.class, AuthorisationsResource.class})
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class))
                .toList();

        assertThat(methods).hasSize(9).allSatisfy(method -> {
            Consults consults = method.getAnnotation(Consults.class);
            assertThat(consults).as(method.getName()).isNotNull();
            assertThat(consults.value()).isEqualTo(DataClass.FACE_MATCHES);
            assertThat(consults.access()).as(method.getName())
                    .isEqualTo(method.isAnnotationPresent(GET.class) ? Access.READ : Access.WRITE);
        });
    }
}
